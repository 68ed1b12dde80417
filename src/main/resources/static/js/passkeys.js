// Passkeys (WebAuthn), progressive enhancement: a button marked data-passkey-register or data-passkey-sign-in is
// shown only where the browser has passkeys (keep it `hidden` in the page); the page offers another way without.
//
// data-passkey-register    registers a passkey of the signed-in account, then goes to data-passkey-done, or
//                          without it submits the button's form.
//                          Its name comes from the input whose id is data-passkey-label-for, else data-passkey-label.
// data-passkey-sign-in     uses a passkey as the second factor, then goes where the server says.
// data-passkey-error       the message shown (in the page's language) when either fails or is cancelled; it is
//                          put in the element whose id is data-passkey-error-target, else in an alert made after
//                          the button.
//
// The CSRF token is read from <meta name="_csrf"> and <meta name="_csrf_header">, else from the hidden _csrf
// input of the button's form. The JSON shapes are Spring Security's (its spring-security-webauthn.js).
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4 !== 0) {
      base64 += '=';
    }
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function csrfHeaders(button) {
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
      return headers;
    }
    var input = button.form ? button.form.querySelector('input[name="_csrf"]') : null;
    if (input) {
      headers['X-CSRF-TOKEN'] = input.value;
    }
    return headers;
  }

  function post(url, headers, body) {
    var allHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };
    Object.keys(headers).forEach(function (name) {
      allHeaders[name] = headers[name];
    });
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  // Only ever to a place on this site: the path and query of whatever address is given.
  function go(url) {
    var target = new URL(url, window.location.href);
    window.location.assign(target.pathname + target.search + target.hash);
  }

  function register(button, headers) {
    var label = '';
    var labelInput = button.getAttribute('data-passkey-label-for');
    if (labelInput && document.getElementById(labelInput)) {
      label = document.getElementById(labelInput).value.trim();
    }
    if (!label) {
      label = (button.getAttribute('data-passkey-label') || '').trim();
    }
    if (!label) {
      return Promise.reject(new Error('no label'));
    }
    return post('/webauthn/register/options', headers)
      .then(function (options) {
        var publicKey = Object.assign({}, options, {
          challenge: fromBase64Url(options.challenge),
          user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
          excludeCredentials: (options.excludeCredentials || []).map(function (credential) {
            return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
          })
        });
        return navigator.credentials.create({ publicKey: publicKey });
      })
      .then(function (created) {
        var response = created.response;
        var credential = {
          id: created.id,
          rawId: toBase64Url(created.rawId),
          response: {
            attestationObject: toBase64Url(response.attestationObject),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: created.type,
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment
        };
        return post('/webauthn/register', headers, { publicKey: { credential: credential, label: label } });
      })
      .then(function (result) {
        if (!result || !result.success) {
          throw new Error('not registered');
        }
        if (button.hasAttribute('data-passkey-done')) {
          go(button.getAttribute('data-passkey-done'));
        } else if (button.form) {
          // the button's form posts to the page that completes the enrolment (with its CSRF token)
          button.form.submit();
        } else {
          go(window.location.href);
        }
      });
  }

  function signIn(button, headers) {
    return post('/webauthn/authenticate/options', headers)
      .then(function (options) {
        var publicKey = Object.assign({}, options, {
          challenge: fromBase64Url(options.challenge),
          allowCredentials: (options.allowCredentials || []).map(function (credential) {
            return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
          })
        });
        return navigator.credentials.get({ publicKey: publicKey });
      })
      .then(function (assertion) {
        var response = assertion.response;
        var body = {
          id: assertion.id,
          rawId: toBase64Url(assertion.rawId),
          response: {
            authenticatorData: toBase64Url(response.authenticatorData),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            signature: toBase64Url(response.signature),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
          },
          credType: assertion.type,
          clientExtensionResults: assertion.getClientExtensionResults(),
          authenticatorAttachment: assertion.authenticatorAttachment
        };
        return post('/login/webauthn', headers, body);
      })
      .then(function (result) {
        if (!result || !result.authenticated || !result.redirectUrl) {
          throw new Error('not signed in');
        }
        go(result.redirectUrl);
      });
  }

  function alertFor(button) {
    var target = button.getAttribute('data-passkey-error-target');
    var alert = target ? document.getElementById(target) : null;
    if (!alert) {
      alert = document.createElement('p');
      alert.className = 'passkey-error';
      button.insertAdjacentElement('afterend', alert);
    }
    alert.setAttribute('role', 'alert');
    return alert;
  }

  function setUp(button, ceremony) {
    // The alert exists (empty) before anything goes wrong, so screen readers announce the message put in it.
    var alert = alertFor(button);
    var busy = false;
    button.hidden = false;
    button.addEventListener('click', function (event) {
      event.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      button.setAttribute('aria-disabled', 'true');
      alert.textContent = '';
      ceremony(button, csrfHeaders(button))
        .catch(function () {
          alert.textContent = button.getAttribute('data-passkey-error') || '';
        })
        .then(function () {
          busy = false;
          button.removeAttribute('aria-disabled');
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var supported = !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
    document.querySelectorAll('[data-passkey-register], [data-passkey-sign-in]').forEach(function (button) {
      if (!supported) {
        button.hidden = true;
        return;
      }
      setUp(button, button.hasAttribute('data-passkey-register') ? register : signIn);
    });
  });
})();
