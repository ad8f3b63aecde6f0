// Sends the CSRF token with every htmx request (no inline script: the CSP forbids it).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});

// Marks the navigation entry of the current page (the layout renders the menu without knowing the path):
// the longest entry the path starts with, unless the page names its entry (data-xc-nav), e.g. a term's
// coverage page /terms/{id}/coverage belongs to 全覆盖, not to 届期规划.
document.addEventListener('DOMContentLoaded', function () {
  var declared = document.querySelector('[data-xc-nav]');
  var path = declared ? declared.getAttribute('data-xc-nav') : window.location.pathname;
  var best = null;
  document.querySelectorAll('a.xc-nav-link').forEach(function (link) {
    var href = link.getAttribute('href');
    if (href && (path === href || path.indexOf(href + '/') === 0) && (!best || href.length > best.getAttribute('href').length)) {
      best = link;
    }
  });
  if (best) {
    best.classList.add('active');
    best.setAttribute('aria-current', 'page');
  }
});
