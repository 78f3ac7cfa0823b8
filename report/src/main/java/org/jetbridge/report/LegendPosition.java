package org.jetbridge.report;

/** Where a plot puts its legend inside the data panel ({@link #NONE} hides it). */
public enum LegendPosition { TOP_RIGHT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT, NONE }
