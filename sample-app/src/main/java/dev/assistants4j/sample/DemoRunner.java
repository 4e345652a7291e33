package dev.assistants4j.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.tool.AssistantFunctions;

/**
 * Runs the demos named in {@code sample.demos} at start-up, one after the other, and logs each question and
 * answer. A demo that fails is logged and the next one runs, so that the chat page is served either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoRunner.class);

	// Longer than the default poll timeout, which ends a run that takes too long first.
	private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(11);

	private final ObjectProvider<AssistantsClient> client;

	private final AssistantFunctions functions;

	private final SampleProperties properties;

	DemoRunner(ObjectProvider<AssistantsClient> client, AssistantFunctions functions, SampleProperties properties) {
		this.client = client;
		this.functions = functions;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		AssistantsClient client = this.client.getIfAvailable();
		if (client == null) {
			logger.info("No demos run without an AssistantsClient.");
			return;
		}
		Map<String, Demo> demos = demos(client);
		for (String name : this.properties.getDemos()) {
			Demo demo = demos.get(name.strip());
			if (demo == null) {
				logger.warn("There is no demo named '" + name.strip() + "' in sample.demos; the demos are "
						+ demos.keySet());
				continue;
			}
			logger.info("Demo " + demo.name() + " asks: " + demo.question());
			// Blocking is fine here: a runner on the main thread, not a reactive pipeline.
			demo.answer()
				.doOnNext((answer) -> logger.info("Demo " + demo.name() + " answer: " + answer))
				.doOnError((ex) -> logger.warn("Demo " + demo.name() + " failed: " + ex.getMessage()))
				.onErrorComplete()
				.block(DEMO_TIMEOUT);
		}
	}

	Map<String, Demo> demos(AssistantsClient client) {
		Map<String, Demo> demos = new LinkedHashMap<>();
		String model = this.properties.getModel();
		for (Demo demo : List.of(new MathTutorDemo(client, model), new WeatherDemo(client, model, this.functions))) {
			demos.put(demo.name(), demo);
		}
		return demos;
	}

}
