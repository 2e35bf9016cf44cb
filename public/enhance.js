// Progressive enhancement, the only script the site loads: every page works without it.
// A long text field (one that states its maximum under its label) gets a live count of its
// characters. The words come from the server in the page's language, on the field itself:
//   data-counter="{count} of 100,000 characters"
//   data-counter-over="{count} of 100,000 characters: {over} too many"
// so no text is translated here. Without JavaScript the static "At most ... characters" stays.
const DELAY = 400;

function enhance(field) {
  const max = Number(field.getAttribute('data-counter-max'));
  const text = field.getAttribute('data-counter');
  const overText = field.getAttribute('data-counter-over');
  if (!field.id || !max || !text || !overText) return;
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const count = document.createElement('div');
  count.id = `${field.id}-count`;
  count.className = 'utrecht-form-field-description ks-counter';
  // Read out politely when the person pauses, not on every key.
  count.setAttribute('aria-live', 'polite');
  const show = () => {
    // The server counts what it stores the same way: line breaks as one character.
    const length = field.value.length;
    const over = length > max;
    count.textContent = (over ? overText : text).replace('{count}', number.format(length)).replace('{over}', number.format(length - max));
    count.classList.toggle('utrecht-form-field-description--invalid', over);
    count.classList.toggle('ks-counter--over', over);
  };
  // The first count is in place before the region joins the page, so loading announces nothing.
  show();
  const hint = document.getElementById(`${field.id}-limit`);
  if (hint) hint.after(count);
  else field.before(count);
  field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), count.id].filter(Boolean).join(' '));
  let timer;
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, DELAY);
  });
}

for (const field of document.querySelectorAll('textarea[data-counter], input[data-counter]')) enhance(field);
