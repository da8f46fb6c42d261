/**
 * How many bytes of optimizer state does training need? PyTorch keeps each per-parameter buffer in the
 * parameters' own dtype (4 bytes for float32, 2 for bfloat16), one number per parameter per buffer.
 *
 * Return the bytes of per-parameter state that `name` with `options` keeps for a model with
 * `parameters` parameters, each buffer number taking `bytesPerNumber` bytes. Ignore the step counter
 * (one number per parameter tensor, not per parameter).
 *
 *   name: 'sgd'      options: { momentum?: number, nesterov?: boolean }   (momentum defaults to 0)
 *         'adagrad'  options: {}
 *         'rmsprop'  options: { momentum?: number, centered?: boolean }
 *         'adam'     options: { amsgrad?: boolean }
 *         'adamw'    options: { amsgrad?: boolean }
 */
export interface StateOptions {
  momentum?: number;
  nesterov?: boolean;
  centered?: boolean;
  amsgrad?: boolean;
}

export function optimizerStateBytes(
  name: string,
  options: StateOptions,
  parameters: number,
  bytesPerNumber = 4,
): number {
  // Count the buffers this optimizer keeps for every parameter.
  let buffers = 0;
  if (name === 'sgd') {
    buffers = 0; // …unless there is momentum
  }
  return buffers * parameters * bytesPerNumber;
}

// A 7-billion-parameter model in float32 with AdamW: how many GB (10⁹ bytes) of optimizer state?
console.log(optimizerStateBytes('adamw', {}, 7e9) / 1e9, 'GB');
