/*
 * Key generation in the browser (WebCrypto), for the keys page of an integration.
 *
 * Makes an RSASSA-PKCS1-v1_5 2048-bit / SHA-256 key pair, writes the public key as a JWK
 * (kty, e, n, alg RS256, use sig, kid) into the page's key field, so submitting the form
 * registers it, and offers the private key as PKCS#8 PEM and as a private JWK: in read-only
 * fields to copy and as files to download. The private key never leaves the browser: it is
 * not put in any form field that is submitted.
 *
 * No framework, no build step, no inline script (CSP script-src 'self'). Without JavaScript
 * the button stays hidden and the page works for pasted and uploaded keys.
 *
 * Markup it expects (ids given as data attributes on the button, texts from the server):
 *   <button type="button" hidden data-keygen data-key-field="key" data-kid-field="kid"
 *           data-result="keygen-result" data-status="keygen-status"
 *           data-msg-working="…" data-msg-done="…" data-msg-failed="…">…</button>
 *   <div id="keygen-result" hidden>
 *     <textarea id="private-key-pem" readonly></textarea> <a id="download-pem">…</a>
 *     <textarea id="private-key-jwk" readonly></textarea> <a id="download-jwk">…</a>
 *   </div>
 */
(function () {
  'use strict';

  var ALGORITHM = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256'
  };
  var KID = /^[A-Za-z0-9._-]{1,255}$/;

  function base64(bytes) {
    var text = '';
    var view = new Uint8Array(bytes);
    for (var i = 0; i < view.length; i++) {
      text += String.fromCharCode(view[i]);
    }
    return window.btoa(text);
  }

  function base64url(bytes) {
    return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** RFC 7638: SHA-256 over {"e","kty","n"} in that order, without spaces, base64url. */
  function thumbprint(jwk) {
    var canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
    return window.crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(canonical))
      .then(base64url);
  }

  function pem(type, der) {
    var lines = base64(der).match(/.{1,64}/g).join('\n');
    return '-----BEGIN ' + type + '-----\n' + lines + '\n-----END ' + type + '-----\n';
  }

  /** The members of a JWK we hand out, in a stable order, without WebCrypto's ext/key_ops. */
  function jwkOf(exported, kid, members) {
    var jwk = { kty: 'RSA', kid: kid, use: 'sig', alg: 'RS256' };
    members.forEach(function (name) {
      jwk[name] = exported[name];
    });
    return jwk;
  }

  function offer(link, text, fileName, mediaType) {
    if (link.href && link.href.indexOf('blob:') === 0) {
      URL.revokeObjectURL(link.href);
    }
    link.href = URL.createObjectURL(new Blob([text], { type: mediaType }));
    link.download = fileName;
  }

  function field(id) {
    return document.getElementById(id);
  }

  function generate(button) {
    var keyField = field(button.dataset.keyField);
    var kidField = field(button.dataset.kidField);
    var result = field(button.dataset.result);
    var status = field(button.dataset.status);
    var typed = kidField && kidField.value.trim();
    var subtle = window.crypto.subtle;

    button.disabled = true;
    status.textContent = button.dataset.msgWorking;
    subtle
      .generateKey(ALGORITHM, true, ['sign', 'verify'])
      .then(function (pair) {
        return Promise.all([
          subtle.exportKey('jwk', pair.publicKey),
          subtle.exportKey('jwk', pair.privateKey),
          subtle.exportKey('pkcs8', pair.privateKey)
        ]);
      })
      .then(function (exported) {
        var kid = typed && KID.test(typed) ? Promise.resolve(typed) : thumbprint(exported[0]);
        return kid.then(function (id) {
          return { kid: id, publicJwk: exported[0], privateJwk: exported[1], pkcs8: exported[2] };
        });
      })
      .then(function (keys) {
        var publicJwk = jwkOf(keys.publicJwk, keys.kid, ['e', 'n']);
        var privateJwk = jwkOf(keys.privateJwk, keys.kid, ['e', 'n', 'd', 'p', 'q', 'dp', 'dq', 'qi']);
        var privatePem = pem('PRIVATE KEY', keys.pkcs8);
        var privateJson = JSON.stringify(privateJwk, null, 2) + '\n';

        keyField.value = JSON.stringify(publicJwk, null, 2);
        field('private-key-pem').value = privatePem;
        field('private-key-jwk').value = privateJson;
        offer(field('download-pem'), privatePem, keys.kid + '.pem', 'application/x-pem-file');
        offer(field('download-jwk'), privateJson, keys.kid + '.private.jwk.json', 'application/json');
        result.hidden = false;
        status.textContent = button.dataset.msgDone;
        button.dataset.kid = keys.kid;
      })
      .catch(function () {
        status.textContent = button.dataset.msgFailed;
      })
      .then(function () {
        button.disabled = false;
      });
  }

  function start() {
    if (!(window.crypto && window.crypto.subtle && window.TextEncoder && window.Blob)) {
      return; // no WebCrypto (e.g. not a secure context): the button stays hidden
    }
    var buttons = document.querySelectorAll('button[data-keygen]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        generate(button);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
