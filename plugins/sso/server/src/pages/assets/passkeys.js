/* global document, window -- a browser script, served as is */
// Adds passkeys to ID's pages: "Sign in with a passkey" on the sign-in page, "Add a passkey"
// on the account's passkeys page. Without this script both pages work as plain forms.
// SimpleWebAuthn's browser bundle (UMD) puts `SimpleWebAuthnBrowser` on globalThis when loaded
// as a module, where no `exports` or `define` exists.
import './webauthn-browser.js';

const { browserSupportsWebAuthn, startAuthentication, startRegistration } =
  globalThis.SimpleWebAuthnBrowser;

/** A refusal from ID, already in the page's language. */
class Refused extends Error {}

/** Posts a form to ID (with the page's CSRF token) and reads its JSON answer. */
const post = async (url, fields, messages) => {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
    });
  } catch {
    throw new Refused(messages.network);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Refused(body?.error?.message ?? messages.failed);
  return body;
};

/** What to tell the person: ID's own words, or why the browser gave up. */
const messageOf = (error, messages) => {
  if (error instanceof Refused) return error.message;
  // The person closed the dialog, it timed out, or no passkey matched.
  if (error?.name === 'NotAllowedError' || error?.name === 'AbortError') return messages.cancelled;
  return messages.failed;
};

const showError = (element, message) => {
  element.textContent = message;
  element.hidden = !message;
  if (message) element.focus?.();
};

const messagesOf = (element) => ({
  cancelled: element.dataset.msgCancelled,
  failed: element.dataset.msgFailed,
  network: element.dataset.msgNetwork,
});

const signIn = document.getElementById('passkey-sign-in');
if (signIn && browserSupportsWebAuthn()) {
  const button = document.getElementById('passkey-sign-in-button');
  const error = document.getElementById('passkey-error');
  const messages = messagesOf(signIn);
  const { csrf, optionsUrl, verifyUrl } = signIn.dataset;
  signIn.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    showError(error, '');
    try {
      const optionsJSON = await post(optionsUrl, { csrf }, messages);
      const assertion = await startAuthentication({ optionsJSON });
      const result = await post(verifyUrl, { csrf, response: JSON.stringify(assertion) }, messages);
      window.location.assign(result.redirectTo);
    } catch (failure) {
      showError(error, messageOf(failure, messages));
      button.disabled = false;
    }
  });
}

const add = document.getElementById('add-passkey');
if (add && browserSupportsWebAuthn()) {
  const form = document.getElementById('add-passkey-form');
  const error = document.getElementById('passkey-error');
  const messages = messagesOf(add);
  const { csrf, optionsUrl, verifyUrl } = add.dataset;
  document.getElementById('passkey-needs-script').hidden = true;
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    showError(error, '');
    try {
      const password = form.elements.password.value;
      const optionsJSON = await post(optionsUrl, { csrf, password }, messages);
      form.elements.password.value = '';
      const attestation = await startRegistration({ optionsJSON });
      const result = await post(
        verifyUrl,
        { csrf, label: form.elements.label.value, response: JSON.stringify(attestation) },
        messages
      );
      window.location.assign(result.redirectTo);
    } catch (failure) {
      showError(error, messageOf(failure, messages));
      submit.disabled = false;
    }
  });
}
