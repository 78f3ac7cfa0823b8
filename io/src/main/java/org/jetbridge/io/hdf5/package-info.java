/**
 * HDF5 datasets a Python user opens with h5py: a generic streaming writer ({@link org.jetbridge.io.hdf5.Hdf5Writer},
 * {@link org.jetbridge.io.hdf5.DatasetWriter}), a bounded-memory reader ({@link org.jetbridge.io.hdf5.Hdf5Reader},
 * {@link org.jetbridge.io.hdf5.RowBatch}) and the jetbridge schemas ({@link org.jetbridge.io.hdf5.TaggingDataset},
 * {@link org.jetbridge.io.hdf5.TopJetDataset}, {@link org.jetbridge.io.hdf5.MinBiasPool},
 * {@link org.jetbridge.io.hdf5.ContaminatedJetDataset}).
 *
 * <h2>What jHDF 0.9.4 does and does not do (measured here)</h2>
 * <ul>
 * <li>Writing ({@code HdfFile.write}): groups, attributes (numbers, strings, string arrays) and contiguous datasets of
 *     primitive n-d arrays work and open in h5py, but only from arrays held whole in memory; no chunking, no
 *     compression, no appending (jhdf issue #654). Booleans become uint8.</li>
 * <li>Reading: contiguous, chunked, gzip, shuffle and lzf datasets written by h5py; attributes including
 *     variable-length strings. Slice reads of <em>chunked</em> datasets ({@code getData(offset, shape)} and
 *     {@code getSliceDataBuffer}) return wrong values (zeros) for rows beyond the first chunk; single chunks
 *     ({@code getDecompressedChunk}) are right.</li>
 * </ul>
 *
 * <h2>Therefore</h2>
 * <ul>
 * <li>The writer does not use jHDF: it spools each dataset to a raw file and, at commit, writes its own minimal
 *     HDF5 metadata (superblock v2, v2 object headers, one flat root group, contiguous layout, compact attributes;
 *     checksums by jHDF's Jenkins lookup3) followed by the data. Limits: no groups, no chunking or compression,
 *     strings are fixed-length UTF-8 (h5py returns {@code bytes}), each attribute at most 64 KiB, and commit needs
 *     about twice the file size of free disk in the target directory (spools + assembled file).</li>
 * <li>The reader uses jHDF for metadata and attributes; it reads contiguous data itself (one positioned read per
 *     request, no 2 GiB limit) and assembles chunked row blocks from jHDF's per-chunk decompression.</li>
 * </ul>
 */
package org.jetbridge.io.hdf5;
