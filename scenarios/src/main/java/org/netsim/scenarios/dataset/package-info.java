/**
 * Channel datasets and other NumPy {@code .npz} files.
 *
 * <p>{@link org.netsim.scenarios.dataset.NpzFile} and {@link org.netsim.scenarios.dataset.NpzWriter} read and write
 * {@code .npz} archives of {@link org.netsim.scenarios.dataset.NpyArray}s (complex128, float64, int32; any rank,
 * 0-d included) without any dependency beyond {@code java.util.zip}; files are exchanged with Python as
 *
 * <pre>
 *   z = np.load("file.npz");  z["H"], float(z["carrier_hz"])        # read what netsim wrote
 *   np.savez("file.npz", H=H.astype("&lt;c16"), ...)                   # write what netsim reads
 * </pre>
 *
 * <p>{@link org.netsim.scenarios.dataset.ChannelDataset} fixes the layout of a dataset of precoding problems
 * (keys {@code H}, {@code ue_antennas}, {@code bs_antennas}, {@code serving_bs}, {@code streams}, {@code bs_power},
 * {@code noise_power}, {@code weights}, {@code V0}; linear units, watts) and validates it strictly on reading.
 * Format errors are {@link org.netsim.scenarios.dataset.NpzFormatException}s (and
 * {@link org.netsim.scenarios.dataset.DatasetFormatException}s for datasets) with one-line messages
 * {@code "<file>: <key>: <reason>"}.
 */
package org.netsim.scenarios.dataset;
