/**
 * Active jet areas from explicit ghosts: {@link org.jetbridge.core.area.AreaDefinition} (the ghost grid),
 * {@link org.jetbridge.core.area.ActiveAreaClustering} (clustering with ghosts) and
 * {@link org.jetbridge.core.area.AreaJet} (a jet with its scalar area and area four-vector, units of y × φ).
 */
package org.jetbridge.core.area;
