package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

import dev.assistants4j.emulator.responder.Responder;

/**
 * What an {@link AssistantsEmulator} was built with. Time, for timestamps as for delays, is the scheduler's,
 * so that a virtual-time scheduler drives both.
 */
record EmulatorSettings(String host, int port, String token, Responder responder, Scheduler scheduler,
		Duration stepDelay, Duration chunkDelay, Duration pollAfter, Duration runTimeout, boolean requireBetaHeader,
		long maxFileSize) {

	/**
	 * Returns the time now, in epoch seconds as the wire writes timestamps.
	 */
	long now() {
		return this.scheduler.now(TimeUnit.SECONDS);
	}

}
