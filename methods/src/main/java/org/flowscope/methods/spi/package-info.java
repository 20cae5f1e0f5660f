/**
 * How an operation joins the product: one {@link org.flowscope.methods.spi.MethodProvider} per operation package
 * (the operation, its implementations, its benchmark inputs, its live stage and its {@code process} command),
 * declared in {@code META-INF/services/org.flowscope.engine.spi.OperationProvider}. Adding an operation touches its
 * own package and that one line.
 */
package org.flowscope.methods.spi;
