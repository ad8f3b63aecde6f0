// 信访件回执: the print button of the acknowledgement slip (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print-slip');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
