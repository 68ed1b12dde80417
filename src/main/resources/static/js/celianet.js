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

  // A button marked data-saving-text saves: once its form is sent, the button says so (data-saving-text, in the
  // page's language), is marked aria-disabled and the form refuses further submits, so a double click sends one
  // request. The button is not disabled: a disabled button's name and value would not be sent. The server's
  // idempotency remains the guarantee; without JavaScript the form works as before.
  document.querySelectorAll('form button[data-saving-text]').forEach(function (button) {
    var form = button.form;
    if (!form) {
      return;
    }
    var label = button.textContent;
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    form.appendChild(status);
    var sent = false;
    form.addEventListener('submit', function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      if (event.defaultPrevented || (event.submitter && event.submitter !== button)) {
        return;
      }
      sent = true;
      button.textContent = button.getAttribute('data-saving-text');
      button.setAttribute('aria-disabled', 'true');
      status.textContent = button.getAttribute('data-saving-text');
    });
    // Back to a page kept in the browser's page cache: the form can be sent again.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        sent = false;
        button.textContent = label;
        button.removeAttribute('aria-disabled');
        status.textContent = '';
      }
    });
  });
});
