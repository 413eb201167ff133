package org.netsim.precoding.learned.uwmmse;

import java.util.ArrayList;
import java.util.List;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;

/** The precoder contract on SISO pair problems, with random (untrained) weights. */
class UwmmsePrecoderTest extends PrecoderContractTest {

    @Override
    protected Precoder precoder() {
        return new UwmmsePrecoder(UwmmseWeights.initial(4, 4, 0.5, 1));
    }

    @Override
    protected List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            out.add(TestProblems.sisoPairs(200 + s, 1 + s));
        }
        return out;
    }

    @Override
    protected PrecoderOptions registryOptions() {
        return PrecoderOptions.defaults().with("weights", "wmmse");
    }
}
