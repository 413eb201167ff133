package org.netsim.radio.shadowing;

import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Time-evolving shadowing of the links of a UE to every site: immutable configuration that creates one explicit
 * {@link UeShadowing} state per UE. The shadowing is per UE-site link; the sector cells of a site share it (they
 * see the same large-scale environment, 3GPP TR 36.814, Annex A.2.1.1: correlation 1 between sectors of a site).
 */
public interface ShadowingProcess {

    /** @return the model's registry name */
    String name();

    /** @return the marginal standard deviation of every link's shadowing in dB */
    double sigmaDb();

    /**
     * @param numSites the number of sites (links of the UE)
     * @param ueRng the UE's common-component stream (e.g. {@code "shadowing/ue/12"}); drawn from only if the model
     *        has a common component
     * @param siteRng the stream of the link to each site (e.g. {@code s -> streams.stream("shadowing/link/12/" + s)})
     * @return the UE's shadowing at its start position, drawn from the stationary law
     */
    UeShadowing start(int numSites, RandomGenerator ueRng, IntFunction<RandomGenerator> siteRng);
}
