/**
 * DeepFP ("DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming", Section IV): FastFP
 * unfolded into a fixed number of layers whose step 1 / lambda per UE is predicted by a small complex DNN.
 * {@link org.netsim.precoding.learned.deepfp.DeepFpNetwork} is the batched DJL executor (training, batch inference),
 * {@link org.netsim.precoding.learned.deepfp.DeepFpExecutor} the per-problem Java executor over the same weights,
 * {@link org.netsim.precoding.learned.deepfp.DeepFpTrainer} the hybrid training of Section IV-D and
 * {@link org.netsim.precoding.learned.deepfp.DeepFpPrecoder} the registered precoder {@code deepfp}.
 */
package org.netsim.precoding.learned.deepfp;
