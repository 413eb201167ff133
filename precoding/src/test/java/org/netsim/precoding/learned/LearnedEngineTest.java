package org.netsim.precoding.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class LearnedEngineTest {

    @Test
    void loadsOfflineAndReportsItself() {
        EngineAssumptions.assumeEngine();
        assertEquals("true", System.getProperty(LearnedEngine.OFFLINE_PROPERTY));
        assertEquals(LearnedEngine.ENGINE_NAME, LearnedEngine.engine().getEngineName());
        assertTrue(LearnedEngine.unavailableReason().isEmpty());
        assertTrue(LearnedEngine.cacheDirectory().toString().endsWith("pytorch"), LearnedEngine.cacheDirectory()
                .toString());
        System.out.println("PyTorch " + LearnedEngine.engine().getVersion() + " loaded in "
                + LearnedEngine.loadMillis() + " ms, natives in " + LearnedEngine.cacheDirectory());
    }

    @Test
    void deviceChoices() {
        EngineAssumptions.assumeEngine();
        assertEquals(Device.cpu(), LearnedEngine.device(DeviceChoice.CPU, "--device"));
        Device auto = LearnedEngine.device(DeviceChoice.AUTO, "--device");
        if (LearnedEngine.gpuCount() == 0) {
            assertEquals(Device.cpu(), auto);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LearnedEngine.device(DeviceChoice.GPU, "--device"));
            assertTrue(e.getMessage().startsWith("--device gpu:"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        } else {
            assertTrue(auto.isGpu());
            assertTrue(LearnedEngine.device(DeviceChoice.GPU, "--device").isGpu());
        }
    }

    @Test
    void parsesDeviceNamesAndRejectsOthersNamingTheOption() {
        assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto", "--device"));
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse(" CPU ", "--device"));
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse("gpu", "--device"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.parse("tpu", "device"));
        assertEquals("device: unknown device 'tpu' (expected auto, cpu or gpu)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(null, "device"));
    }
}
