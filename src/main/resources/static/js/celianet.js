// Progressive enhancement only: every page works without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }

  // A group marked data-show-when="field=VALUE|OTHER" is shown only while one of those values of the radio group
  // named field is chosen. Without JavaScript every group stays visible.
  document.querySelectorAll('[data-show-when]').forEach(function (group) {
    var rule = group.getAttribute('data-show-when').split('=');
    var form = group.closest('form');
    if (!form || rule.length !== 2) {
      return;
    }
    var values = rule[1].split('|');
    var inputs = form.querySelectorAll('input[type="radio"][name="' + rule[0] + '"]');
    var update = function () {
      var chosen = form.querySelector('input[type="radio"][name="' + rule[0] + '"]:checked');
      group.hidden = !chosen || values.indexOf(chosen.value) < 0;
    };
    inputs.forEach(function (input) {
      input.addEventListener('change', update);
    });
    update();
  });
});
