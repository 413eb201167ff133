package org.netsim.scenarios.snapshot;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.radio.fading.RayleighFading;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.pathloss.PathLossModel;
import org.netsim.radio.shadowing.ShadowingModel;

/** Large-scale gains and Rayleigh channel synthesis shared by the snapshot scenarios. */
final class Links {

    private Links() {
    }

    /**
     * Linear large-scale power gains beta_ik = 10^(-(PL(d_ik) + X_ik)/10) between every UE i and BS k, with
     * X_ik an independent shadowing draw per link (drawn UE by UE, BS by BS).
     *
     * @return beta[i][k]
     */
    static double[][] largeScaleGains(List<Position> ues, List<Position> bss, PathLossModel pathLoss,
            ShadowingModel shadowing, RandomGenerator rng) {
        double[][] beta = new double[ues.size()][bss.size()];
        for (int i = 0; i < ues.size(); i++) {
            for (int k = 0; k < bss.size(); k++) {
                double lossDb = pathLoss.lossDb(ues.get(i).distanceM(bss.get(k))) + shadowing.drawDb(rng);
                beta[i][k] = Math.pow(10.0, -lossDb / 10.0);
            }
        }
        return beta;
    }

    /**
     * H_ik = sqrt(beta_ik) G_ik with G_ik an N_i x M_k matrix of i.i.d. CN(0, 1) entries ({@link RayleighFading}),
     * drawn UE by UE, BS by BS: entries of H_ik are CN(0, beta_ik).
     */
    static ZMatrixRMaj[][] rayleighChannels(double[][] beta, int[] ueAntennas, int[] bsAntennas,
            RandomGenerator rng) {
        ZMatrixRMaj[][] h = new ZMatrixRMaj[ueAntennas.length][bsAntennas.length];
        for (int i = 0; i < ueAntennas.length; i++) {
            for (int k = 0; k < bsAntennas.length; k++) {
                h[i][k] = RayleighFading.INSTANCE.draw(rng, ueAntennas[i], bsAntennas[k]);
                double a = Math.sqrt(beta[i][k]);
                double[] d = h[i][k].data;
                for (int e = 0; e < h[i][k].getDataLength(); e++) {
                    d[e] *= a;
                }
            }
        }
        return h;
    }

    static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** UE i is served by BS i / uesPerBs (UEs grouped by serving BS). */
    static int[] groupedServing(int numBs, int uesPerBs) {
        int[] s = new int[numBs * uesPerBs];
        for (int i = 0; i < s.length; i++) {
            s[i] = i / uesPerBs;
        }
        return s;
    }

    /** @return 10^(dBm / 10) / 1000 watts */
    static double dbmToW(double dbm) {
        return Math.pow(10.0, dbm / 10.0) / 1000.0;
    }
}
