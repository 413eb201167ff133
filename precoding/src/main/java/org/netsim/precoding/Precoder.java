package org.netsim.precoding;

/**
 * A downlink precoder for a {@link Problem}: classic (closed form or iterative) or learned. Implementations are
 * immutable and thread-safe (any per-call workspace is created per call or per thread), are chosen by name from
 * {@link PrecoderRegistry}, and always return precoders that meet every per-BS power constraint
 * sum_{i in I_k} ||V_i||_F^2 &lt;= P_k.
 */
public interface Precoder {

    /** @return the registry name, e.g. {@code "wmmse"} */
    String name();

    /**
     * Computes precoders for {@code problem}.
     *
     * @param problem the problem; not modified
     * @param init initial precoders for iterative algorithms (closed-form precoders ignore it)
     * @return the solution, with its WSR evaluated on {@code problem}
     */
    Solution solve(Problem problem, Init init);

    /** Solves from the precoder's default initialisation. */
    default Solution solve(Problem problem) {
        return solve(problem, Init.mrc());
    }
}
