/**
 * Where threaded CPU implementations run: the engine CPU device's pool (never the common pool), and joining its tasks
 * with their first failure intact.
 */
package org.flowscope.methods.numerics.parallel;
