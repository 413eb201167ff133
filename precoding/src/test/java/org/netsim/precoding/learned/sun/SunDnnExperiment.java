package org.netsim.precoding.learned.sun;

import java.util.function.IntFunction;
import org.netsim.precoding.Problem;

/** Scratch: java -cp ... SunDnnExperiment trainSamples epochs batch lr decay. */
public final class SunDnnExperiment {
    public static void main(String[] args) {
        int nTrain = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        double lr = Double.parseDouble(args[3]);
        double decay = Double.parseDouble(args[4]);
        long t0 = System.nanoTime();
        SunDnnArchitecture a = SunDnnArchitecture.paper(3, 12).withTransform(Boolean.getBoolean("sun.log")
                ? SunDnnArchitecture.InputTransform.LOG_MAGNITUDE : SunDnnArchitecture.InputTransform.MAGNITUDE);
        IntFunction<Problem> tr = s -> SunSamples.imacSample(3, 12, 1, s);
        IntFunction<Problem> va = s -> SunSamples.imacSample(3, 12, 2, s);
        SunDnnDataset dtr = SunDnnDataset.of(tr, nTrain, a);
        SunDnnDataset dva = SunDnnDataset.of(va, 5000, a);
        System.out.printf("labels %.1f s, wmmse %.3f ms/problem (1 thread)%n", (System.nanoTime() - t0) / 1e9,
                dtr.wmmseNanos() / 1e6 / nTrain);
        SunDnnTrainer.Config c = SunDnnTrainer.Config.defaults(a).withEpochs(epochs).withBatchSize(batch)
                .withLearningRate(lr).withDecayFactor(decay);
        try (SunDnnTrainer.Result r = SunDnnTrainer.train(dtr, dva, c, e -> System.out.printf(
                "epoch %d train %.5f val %.5f lr %.2g %d ms%n", e.epoch(), e.trainingMse(), e.validationMse(),
                e.learningRate(), e.elapsedMillis()))) {
            SunDnnScore s = SunDnnScore.of(r.network(), va, dva);
            System.out.printf("init val mse %.5f best epoch %d mse %.5f; ratio %.4f binarized %.4f (wmmse %.3f nat)%n",
                    r.initialValidationMse(), r.bestEpoch(), r.bestValidationMse(), s.ratio(), s.binarizedRatio(),
                    s.wmmseSumRateNat());
        }
    }
}
