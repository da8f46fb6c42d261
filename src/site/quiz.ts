/**
 * Quiz enhancement: radio buttons of one question share a name, and picking an answer opens its
 * explanation, marks it right or wrong and says so to screen readers. The "Why?" of every choice stays
 * hidden until the question is answered, so the explanations do not give the answer away. Without this
 * script every choice shows its "Why?"; in print every explanation is open.
 */
let counter = 0;

for (const question of document.querySelectorAll<HTMLFieldSetElement>('.quiz-question')) {
  const name = `quiz-${++counter}`;
  question.querySelector('legend')!.textContent = `Question ${counter}`;
  // The group's description is its prompt: everything before the first choice.
  const prompt = [...question.children].filter((c) => c.tagName !== 'LEGEND' && !c.classList.contains('quiz-choice'));
  prompt.forEach((element, k) => (element.id ||= `${name}-prompt-${k}`));
  question.setAttribute('aria-describedby', prompt.map((element) => element.id).join(' '));
  const feedback = document.createElement('p');
  feedback.className = 'visually-hidden';
  feedback.setAttribute('role', 'status');
  question.append(feedback);
  question.classList.add('is-enhanced');

  for (const choice of question.querySelectorAll<HTMLElement>('.quiz-choice')) {
    const input = choice.querySelector('input') as HTMLInputElement;
    input.name = name;
    input.addEventListener('change', () => {
      for (const other of question.querySelectorAll<HTMLElement>('.quiz-choice')) {
        delete other.dataset['picked'];
        other.querySelector('details')?.removeAttribute('open');
      }
      question.dataset['answered'] = '';
      choice.dataset['picked'] = choice.dataset['correct'] === 'true' ? 'right' : 'wrong';
      const why = choice.querySelector('details');
      why?.setAttribute('open', '');
      feedback.textContent = why?.querySelector('p')?.textContent?.trim() ?? '';
    });
  }
}

// Paper cannot open a disclosure: print every explanation, then restore what the reader had open.
let openedForPrint: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  openedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details.quiz-why:not([open])')];
  for (const details of openedForPrint) details.open = true;
});
addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});
