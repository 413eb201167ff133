package org.netsim.simcore;

import org.netsim.radio.layout.Cell;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The BS of one cell as a MASON agent: stepped every slot right after the evaluation phase, it takes stock of its
 * cell — the UEs it serves, the transmit power its precoders use (sum_{i in I_k} ||V_i||_F^2, watts, within the
 * budget P_k) and the sum of its UEs' rates — and exposes them to inspectors and to the host through getters. In
 * the centralized mode the precoders of all BSs come from one joint solve (the precoding phase, a central unit);
 * in the distributed mode the BSs will compute their own precoders from the messages they receive.
 */
public final class BaseStation implements Steppable {

    private static final long serialVersionUID = 1L;

    private final transient RadioNetwork network;
    private final transient Cell cell;
    private final double budgetW;
    private int servedUes;
    private double txPowerW;
    private double cellRateNat;

    BaseStation(RadioNetwork network, Cell cell, double budgetW) {
        this.network = network;
        this.cell = cell;
        this.budgetW = budgetW;
    }

    @Override
    public void step(SimState state) {
        RadioNetwork.CellStock stock = network.stockOf(cell.index());
        servedUes = stock.servedUes();
        txPowerW = stock.txPowerW();
        cellRateNat = stock.rateNat();
    }

    /** @return the cell index (the BS index of the precoding problem) */
    public int getCell() {
        return cell.index();
    }

    /** @return the site index */
    public int getSite() {
        return cell.site();
    }

    /** @return the site's x coordinate in metres */
    public double getXM() {
        return cell.sitePosition().xM();
    }

    /** @return the site's y coordinate in metres */
    public double getYM() {
        return cell.sitePosition().yM();
    }

    /** @return the UEs served in the last slot */
    public int getServedUes() {
        return servedUes;
    }

    /** @return the transmit power of the last slot's precoders in watts */
    public double getTxPowerW() {
        return txPowerW;
    }

    /** @return the power budget P_k in watts */
    public double getBudgetW() {
        return budgetW;
    }

    /** @return the sum rate of the cell's UEs in the last slot, nat/s/Hz */
    public double getCellRateNat() {
        return cellRateNat;
    }
}
