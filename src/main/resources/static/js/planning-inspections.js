// Inspection form: picking an organization from the target search appends its code to the targets field.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var search = event.target.closest('#target-search');
    if (!search) {
      return;
    }
    var code = search.value.trim();
    var known = Array.prototype.some.call(document.querySelectorAll('#target-options option'), function (o) {
      return o.value === code;
    });
    var targets = document.getElementById('targets');
    if (known && targets) {
      var codes = targets.value.split(/[\s,，、;；]+/).filter(function (c) { return c; });
      if (codes.indexOf(code) < 0) {
        codes.push(code);
      }
      targets.value = codes.join('\n');
      search.value = '';
    }
  });
})();
