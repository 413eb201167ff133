/**
 * The DNN approximation of WMMSE power control of "Learning to Optimize: Training Deep Neural Networks for
 * Wireless Resource Management" (Sun et al.): {@link org.netsim.precoding.learned.sun.SunDnnArchitecture} (the
 * network and its inputs), {@link org.netsim.precoding.learned.sun.SunDnnNetwork} (batched DJL executor, training
 * and batch inference), {@link org.netsim.precoding.learned.sun.SunDnnExecutor} (per-problem Java executor over
 * the same weights), {@link org.netsim.precoding.learned.sun.SunDnnDataset} (WMMSE labels from our own
 * {@code wmmse-scalar}), {@link org.netsim.precoding.learned.sun.SunDnnTrainer} (RMSprop on the MSE),
 * {@link org.netsim.precoding.learned.sun.SunDnnScore} (the paper's DNN/WMMSE ratio) and the precoder
 * {@code sun-dnn} ({@link org.netsim.precoding.learned.sun.SunDnnPrecoder}).
 *
 * <p>Shipped models: {@code sun-imac-3-12/} (the default) and {@code sun-ic-10/} beside these classes on the
 * class path, each trained by the slow test named in its card.
 */
package org.netsim.precoding.learned.sun;
