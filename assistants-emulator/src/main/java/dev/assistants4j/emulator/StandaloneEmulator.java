package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs an emulator from the command line, for clients in any language:
 * {@code java -jar assistants-emulator-<version>-standalone.jar --port 8080}. It listens until the process
 * is stopped.
 *
 * <pre>
 * --port N        the port, 8080 by default; 0 picks a free one
 * --host HOST     the address, 127.0.0.1 by default; 0.0.0.0 to accept other machines (or containers)
 * --token TOKEN   the token to accept, emulator-token by default
 * --step-delay MS the delay of each move of a run, in milliseconds, 50 by default
 * --chunk-delay MS the delay of each chunk of a streamed answer, in milliseconds, 20 by default
 * </pre>
 */
public final class StandaloneEmulator {

	/**
	 * The port the standalone emulator listens on unless told otherwise.
	 */
	public static final int DEFAULT_PORT = 8080;

	private static final Log logger = LogFactory.getLog(StandaloneEmulator.class);

	private static final String USAGE = "Usage: java -jar assistants-emulator-standalone.jar [--port N] [--host HOST] "
			+ "[--token TOKEN] [--step-delay MS] [--chunk-delay MS]";

	private StandaloneEmulator() {
	}

	/**
	 * Starts an emulator and waits until the process is stopped.
	 * @param args the options
	 * @throws InterruptedException if the main thread is interrupted while it waits
	 */
	public static void main(String[] args) throws InterruptedException {
		// One line per message when java.util.logging prints them, as it does when no other logging is present.
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%6$s%n");
		}
		AssistantsEmulator emulator;
		try {
			emulator = start(args);
		}
		catch (IllegalArgumentException ex) {
			logger.error(ex.getMessage() + "\n" + USAGE);
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.stop();
			stopped.countDown();
		}, "assistants-emulator-shutdown"));
		if (AssistantsEmulator.DEFAULT_TOKEN.equals(emulator.token())) {
			logger.info("Send the token '" + AssistantsEmulator.DEFAULT_TOKEN + "', e.g. OPENAI_BASE_URL="
					+ emulator.baseUrl() + " OPENAI_API_KEY=" + AssistantsEmulator.DEFAULT_TOKEN);
		}
		logger.info("Press Ctrl+C to stop");
		stopped.await();
	}

	/**
	 * Starts an emulator as the options say.
	 * @param args the options
	 * @return the running emulator
	 * @throws IllegalArgumentException if an option is unknown, misses its value or has an invalid one
	 */
	static AssistantsEmulator start(String... args) {
		AssistantsEmulator.Builder builder = AssistantsEmulator.builder().port(DEFAULT_PORT);
		Iterator<String> options = List.of(args).iterator();
		while (options.hasNext()) {
			String option = options.next();
			String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
			String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
			if (value == null) {
				if (!options.hasNext()) {
					throw new IllegalArgumentException("Option " + name + " needs a value");
				}
				value = options.next();
			}
			switch (name) {
				case "--port" -> builder.port(number(name, value));
				case "--host" -> builder.host(value);
				case "--token" -> builder.token(value);
				case "--step-delay" -> builder.stepDelay(Duration.ofMillis(number(name, value)));
				case "--chunk-delay" -> builder.chunkDelay(Duration.ofMillis(number(name, value)));
				default -> throw new IllegalArgumentException("Unknown option " + name);
			}
		}
		return builder.build().start();
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " needs a number but was '" + value + "'", ex);
		}
	}

}
