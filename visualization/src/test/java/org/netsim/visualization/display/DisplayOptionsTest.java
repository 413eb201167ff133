package org.netsim.visualization.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.netsim.visualization.render.UeColouring;

/** The display options behind the Model tab (headless: a plain bean). */
class DisplayOptionsTest {

    @Test
    void changesRepaintAndOutOfRangeValuesKeepTheCurrentOne() {
        AtomicInteger repaints = new AtomicInteger();
        DisplayOptions o = new DisplayOptions(repaints::incrementAndGet);
        assertEquals(UeColouring.RATE, o.colourScale(7).what());
        assertEquals(7, o.colourScale(7).max());
        o.setColourBy(1);
        assertEquals(UeColouring.SINR, o.colourScale(7).what());
        assertEquals(-10, o.colourScale(7).min());
        assertEquals(30, o.colourScale(7).max());
        o.setColourBy(5); // not a choice: the menu cannot send it; kept
        assertEquals(1, o.getColourBy());
        o.setSinrMaxDb(20);
        o.setSinrMinDb(25); // above the top: kept
        assertEquals(-10, o.getSinrMinDb());
        assertEquals(20, o.colourScale(0).max());
        o.setWrapCopiesOpacity(3);
        assertEquals(1, o.getWrapCopiesOpacity());
        o.setShowLinks(false);
        assertFalse(o.getShowLinks());
        assertEquals(4, repaints.get(), "one repaint per accepted change");
        assertEquals(2, ((String[]) o.domColourBy()).length);
    }
}
