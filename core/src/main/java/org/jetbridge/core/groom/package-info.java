/**
 * Jet grooming behind one {@link org.jetbridge.core.groom.Groomer} interface: SoftDrop / mMDT
 * ({@link org.jetbridge.core.groom.SoftDrop}) on a Cambridge/Aachen reclustering of the jet
 * ({@link org.jetbridge.core.groom.CambridgeReclustering}), returning a
 * {@link org.jetbridge.core.groom.GroomedJet} with the groomed jet and its z_g, R_g.
 */
package org.jetbridge.core.groom;
