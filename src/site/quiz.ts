/**
 * Quiz enhancement: radio buttons of one question share a name, and picking an answer opens its
 * explanation and marks it right or wrong. Without this script every choice still has its "Why?".
 */
let counter = 0;

for (const question of document.querySelectorAll<HTMLFieldSetElement>('.quiz-question')) {
  const name = `quiz-${++counter}`;
  question.querySelector('legend')!.textContent = `Question ${counter}`;
  for (const choice of question.querySelectorAll<HTMLElement>('.quiz-choice')) {
    const input = choice.querySelector('input') as HTMLInputElement;
    input.name = name;
    input.addEventListener('change', () => {
      for (const other of question.querySelectorAll<HTMLElement>('.quiz-choice')) {
        delete other.dataset['picked'];
        other.querySelector('details')?.removeAttribute('open');
      }
      choice.dataset['picked'] = choice.dataset['correct'] === 'true' ? 'right' : 'wrong';
      choice.querySelector('details')?.setAttribute('open', '');
    });
  }
}
