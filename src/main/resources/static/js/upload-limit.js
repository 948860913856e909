// Refuses a file over its size limit (data-max-bytes) before it is sent: the server refuses it too,
// but a large upload can be cut off before its answer arrives. The message is data-too-large.
document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
  const feedback = document.getElementById(input.id + '-error');
  const check = () => {
    const file = input.files && input.files[0];
    const tooLarge = Boolean(file) && file.size > Number(input.dataset.maxBytes);
    input.classList.toggle('is-invalid', tooLarge);
    input.setAttribute('aria-invalid', String(tooLarge));
    if (tooLarge && feedback) {
      feedback.textContent = input.dataset.tooLarge;
    }
    return !tooLarge;
  };
  input.addEventListener('change', check);
  if (input.form) {
    input.form.addEventListener('submit', event => {
      if (!check()) {
        event.preventDefault();
        input.focus();
      }
    });
  }
});
