package org.netsim.precoding.learned.gcn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.gcn.PowerProjection;
import org.netsim.precoding.learned.DeviceChoice;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * Batch inference of a GCN-WMMSE network (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", §III) with the batched DJL executor {@link GcnWmmseNetwork}: many problems of one
 * shape in one forward pass from the MRC start, on the CPU or a GPU, in float32 or float64. The results are the
 * per-problem EJML executor's within float tolerance ({@link org.netsim.precoding.gcn.GcnWmmseExecutor}); the
 * budgets are re-imposed in double precision by the projection (15). Stateless; needs the PyTorch engine.
 */
public final class GcnWmmseBatchedSolver {

    private GcnWmmseBatchedSolver() {
    }

    /**
     * @param weights the network
     * @param problems problems of one shape ({@link GcnWmmseBatch})
     * @param precision {@code float32} or {@code float64}
     * @param device where to run
     * @return V^(L) per problem, per UE (M x d), in the problems' UE order
     */
    public static List<ZMatrixRMaj[]> solveAll(GcnWmmseWeights weights, List<Problem> problems, String precision,
            DeviceChoice device) {
        DataType type = BatchedWmmsePrecoder.parsePrecision(precision);
        List<ZMatrixRMaj[]> out = new ArrayList<>(problems.size());
        try (NDManager manager = LearnedEngine.engine().newBaseManager(LearnedEngine.device(device, "device"))) {
            GcnWmmseParameters params = GcnWmmseParameters.of(weights, manager, type, false);
            GcnWmmseBatch batch = GcnWmmseBatch.of(manager, problems, Init.mrc(), type);
            GcnWmmseNetwork.Output o = GcnWmmseNetwork.forward(params, batch, weights.layers(), false);
            for (int b = 0; b < problems.size(); b++) {
                Problem p = problems.get(b);
                ZMatrixRMaj[] v = batch.precoders(o.precoders(), b);
                for (int k = 0; k < p.numBs(); k++) {
                    PowerProjection.project(v, p.uesOf(k), p.bsPowerW(k));
                }
                out.add(v);
            }
        }
        return out;
    }
}
