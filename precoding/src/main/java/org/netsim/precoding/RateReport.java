package org.netsim.precoding;

/**
 * Rates of one precoder configuration on one problem.
 *
 * @param ueRateNat R_i per UE in nat/s/Hz (unweighted)
 * @param wsrNat sum_i alpha_i R_i in nat/s/Hz
 * @param bsPowerW sum_{i in I_k} ||V_i||_F^2 per BS in watts
 */
public record RateReport(double[] ueRateNat, double wsrNat, double[] bsPowerW) {

    /** @return the weighted sum rate in bit/s/Hz */
    public double wsrBit() {
        return wsrNat / Math.log(2.0);
    }
}
