// Organization tree: the first click on a node loads its children (htmx, "click once");
// later clicks only fold and unfold what is already loaded.
document.addEventListener('click', function (event) {
  var toggle = event.target.closest('.xc-tree .xc-toggle');
  if (!toggle) {
    return;
  }
  var children = toggle.parentElement.querySelector(':scope > ul');
  if (toggle.dataset.loaded === 'true' && children) {
    children.classList.toggle('xc-collapsed');
  }
  toggle.classList.toggle('xc-open', !children || !children.classList.contains('xc-collapsed'));
  toggle.dataset.loaded = 'true';
});
