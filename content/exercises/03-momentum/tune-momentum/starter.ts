/**
 * Choose the learning rate η and the momentum μ of SGD with momentum for a quadratic whose Hessian has
 * its eigenvalues between lambdaMin and lambdaMax, so that the error shrinks as fast as possible.
 */
export function tune(lambdaMin: number, lambdaMax: number): { lr: number; momentum: number } {
  // Replace these two lines with the optimal pair derived in the lesson (Math.sqrt is your friend).
  // As written, this is plain gradient descent with the safe step 1/λmax.
  const lr = 1 / lambdaMax;
  const momentum = 0;
  return { lr, momentum };
}

console.log(tune(1, 100));
