package org.netsim.scenarios.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void factoriesCopyTheirArgumentsAndAccessorsReturnCopies() {
        int[] shape = {2, 2};
        double[] values = {1, 2, 3, 4};
        NpyArray a = NpyArray.ofFloat64(shape, values);
        shape[0] = 7;
        values[0] = 99;
        a.shape()[1] = 5;
        a.toFloat64Array()[1] = 42;
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, a.toFloat64Array());
    }

    @Test
    void cOrderIndexingMatchesNumpy() {
        int[] values = new int[24];
        for (int e = 0; e < values.length; e++) {
            values[e] = e;
        }
        NpyArray a = NpyArray.ofInt32(new int[] {2, 3, 4}, values);
        // numpy: np.arange(24).reshape(2, 3, 4)[1, 2, 3] == 23, [1, 0, 2] == 14
        assertEquals(23, a.getInt32(a.flatIndex(1, 2, 3)));
        assertEquals(14, a.getInt32(a.flatIndex(1, 0, 2)));
        assertArrayEquals(new int[] {1, 0, 2}, a.multiIndex(14));
        assertThrows(IndexOutOfBoundsException.class, () -> a.flatIndex(0, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> a.flatIndex(0, 0));
    }

    @Test
    void complexValuesAreInterleaved() {
        NpyArray z = NpyArray.ofComplex128(new int[] {2}, new double[] {1, -2, 3, -4});
        assertEquals(3, z.real(1));
        assertEquals(-4, z.imag(1));
        assertEquals(2, z.size());
    }

    @Test
    void zeroDimensionalArraysHoldOneValue() {
        NpyArray c = NpyArray.scalarFloat64(3.5e9);
        assertEquals(0, c.rank());
        assertEquals(1, c.size());
        assertEquals(3.5e9, c.float64Value());
        assertEquals(-7, NpyArray.scalarInt32(-7).int32Value());
        assertEquals("()", NpyArray.shapeString(c.shape()));
        assertThrows(IllegalStateException.class, () -> NpyArray.ofFloat64(new int[] {1}, new double[] {1})
                .float64Value());
    }

    @Test
    void rejectsMismatchedDataNegativeDimensionsAndWrongTypeAccess() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofComplex128(new int[] {2}, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("needs 4 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofInt32(new int[] {-1}, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofFloat64(new int[] {1 << 20, 1 << 20}, new double[0]));
        assertThrows(IllegalStateException.class, () -> NpyArray.scalarInt32(1).getFloat64(0));
    }

    @Test
    void equalityIsBitwiseOverDtypeShapeAndValues() {
        NpyArray a = NpyArray.ofFloat64(new int[] {2}, new double[] {0.0, 1});
        assertEquals(a, NpyArray.ofFloat64(new int[] {2}, new double[] {0.0, 1}));
        assertEquals(a.hashCode(), NpyArray.ofFloat64(new int[] {2}, new double[] {0.0, 1}).hashCode());
        assertNotEquals(a, NpyArray.ofFloat64(new int[] {2}, new double[] {-0.0, 1}));
        assertNotEquals(a, NpyArray.ofFloat64(new int[] {1, 2}, new double[] {0.0, 1}));
        assertNotEquals(NpyArray.scalarInt32(1), NpyArray.scalarFloat64(1));
    }
}
