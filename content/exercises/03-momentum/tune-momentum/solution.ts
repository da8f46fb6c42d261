/**
 * Choose the learning rate η and the momentum μ of SGD with momentum for a quadratic whose Hessian has
 * its eigenvalues between lambdaMin and lambdaMax, so that the error shrinks as fast as possible.
 */
export function tune(lambdaMin: number, lambdaMax: number): { lr: number; momentum: number } {
  // Both extreme directions sit exactly on the edge of the complex band:
  // √(ηλmin) = 1 − √μ and √(ηλmax) = 1 + √μ. Adding and subtracting the two equations gives η and μ.
  const sMin = Math.sqrt(lambdaMin);
  const sMax = Math.sqrt(lambdaMax);
  const lr = (2 / (sMax + sMin)) ** 2;
  const momentum = ((sMax - sMin) / (sMax + sMin)) ** 2; // = ((√κ − 1)/(√κ + 1))²
  return { lr, momentum };
}

console.log(tune(1, 100)); // about { lr: 0.0331, momentum: 0.669 }
