package org.netsim.precoding.learned.iaidnn;

import java.util.List;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;

/** The precoder contract on single-cell problems (IAIDNN's setting), with the initial weights built per problem. */
class IaidnnPrecoderTest extends PrecoderContractTest {

    private static final PrecoderOptions OPTIONS = PrecoderOptions.defaults().with(IaidnnPrecoder.WEIGHTS, "initial")
            .with(IaidnnPrecoder.LAYERS, "4");

    @Override
    protected Precoder precoder() {
        return new IaidnnPrecoder(OPTIONS);
    }

    @Override
    protected List<Problem> problems() {
        return IaidnnTestProblems.randomSingleCell(200, 12);
    }

    @Override
    protected PrecoderOptions registryOptions() {
        return OPTIONS;
    }
}

/** The contract for the exact variant (the no-mu WMMSE iteration). */
class IaidnnExactPrecoderTest extends PrecoderContractTest {

    private static final PrecoderOptions OPTIONS = PrecoderOptions.defaults().with(IaidnnPrecoder.WEIGHTS, "exact")
            .with(IaidnnPrecoder.LAYERS, "6");

    @Override
    protected Precoder precoder() {
        return new IaidnnPrecoder(OPTIONS);
    }

    @Override
    protected List<Problem> problems() {
        return IaidnnTestProblems.randomSingleCell(300, 12);
    }

    @Override
    protected PrecoderOptions registryOptions() {
        return OPTIONS;
    }
}
