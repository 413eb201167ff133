package org.netsim.precoding.classic;

import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;

/** The precoder contract for WMMSE with the bisection mu solver. */
class WmmseBisectionContractTest extends PrecoderContractTest {

    @Override
    protected Precoder precoder() {
        return new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(20).with(WmmsePrecoder.MU_SOLVER,
                "bisection"));
    }
}
