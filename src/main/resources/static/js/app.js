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

// A select whose option groups belong to the value of another field (data-xc-kind-of="<id of that field>", each
// optgroup data-xc-kind="<value>"): only the groups of the chosen value are shown, and a choice of a hidden group is
// cleared (the server checks the kind again). First use: the working paper's 来源记录 per 问题来源.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-xc-kind-of]').forEach(function (select) {
    var kind = document.getElementById(select.getAttribute('data-xc-kind-of'));
    if (!kind) {
      return;
    }
    var apply = function () {
      select.querySelectorAll('optgroup[data-xc-kind]').forEach(function (group) {
        var shown = group.getAttribute('data-xc-kind') === kind.value;
        group.hidden = !shown;
        group.disabled = !shown;
        if (!shown && group.contains(select.selectedOptions[0])) {
          select.value = '';
        }
      });
    };
    kind.addEventListener('change', apply);
    apply();
  });
});
