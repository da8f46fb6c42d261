/** A `slider` event: a labelled range input whose value the next run receives. */
import type { SliderSpec } from '../../protocol.ts';
import { h, uniqueId } from './dom.ts';
import { formatNumber } from './format.ts';
import { sliderScale, type SliderScale } from './slider-scale.ts';

export class SliderControl {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly label: HTMLLabelElement;
  private scale: SliderScale;
  private spec: SliderSpec;
  private _value: number;

  constructor(
    spec: SliderSpec,
    value: number,
    private readonly onInput: (name: string, value: number) => void,
  ) {
    this.spec = spec;
    this.scale = sliderScale(spec);
    this._value = value;
    this.element = h('div', 'dsp-slider');
    const id = uniqueId();
    this.label = h('label', 'dsp-slider-label', spec.name);
    this.label.htmlFor = id;
    this.input = h('input', 'dsp-slider-input');
    this.input.type = 'range';
    this.input.id = id;
    this.output = h('output', 'dsp-slider-value');
    this.output.htmlFor.add(id);
    // <output> is a live region by default; the input's aria-valuetext already speaks the value.
    this.output.setAttribute('aria-live', 'off');
    this.element.append(this.label, this.input, this.output);
    this.input.addEventListener('input', () => {
      this._value = this.scale.toValue(this.input.valueAsNumber);
      this.show();
      this.onInput(this.spec.name, this._value);
    });
    this.configure();
  }

  get value(): number {
    return this._value;
  }

  /** A later run sent this slider again; its range may have changed, the reader's value stays. */
  update(spec: SliderSpec, value: number): void {
    this.spec = spec;
    this.scale = sliderScale(spec);
    this._value = Math.min(spec.max, Math.max(spec.min, value));
    this.configure();
  }

  private configure(): void {
    const { min, max, step } = this.scale;
    this.input.min = String(min);
    this.input.max = String(max);
    this.input.step = String(step);
    this.input.value = String(this.scale.toPosition(this._value));
    this.show();
  }

  private show(): void {
    const text = formatNumber(this._value, 4);
    this.output.textContent = text;
    // For a log slider the input's own value is a position; screen readers must hear the real value.
    this.input.setAttribute('aria-valuetext', text);
  }

  destroy(): void {
    this.element.remove();
  }
}
