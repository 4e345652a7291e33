package dev.assistants4j.sample;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;

/**
 * Lists the first assistants of the account that {@code OPENAI_ASSISTANTS_TOKEN} opens, on the server of
 * {@code OPENAI_ASSISTANTS_BASE_URL} (OpenAI by default). Without a token there is no client, and the
 * application says how to set one.
 */
@SpringBootApplication
public class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	private static final int FIRST_ASSISTANTS = 10;

	/**
	 * Runs the application.
	 * @param args the command-line arguments, such as {@code --openai.assistants.token=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	ApplicationRunner listAssistants(ObjectProvider<AssistantsClient> clientProvider) {
		return (args) -> {
			AssistantsClient client = clientProvider.getIfAvailable();
			if (client == null) {
				logger.info("No OpenAI token is set, so there is no AssistantsClient. To list your assistants, set "
						+ "OPENAI_ASSISTANTS_TOKEN (and OPENAI_ASSISTANTS_BASE_URL for a server other than "
						+ "https://api.openai.com/v1) and run the sample again.");
				return;
			}
			// Blocking is fine here: a command-line runner on the main thread, not a reactive pipeline.
			List<Assistant> assistants = client.assistants()
				.listPage(ListParams.builder().limit(FIRST_ASSISTANTS).build())
				.map(Page::data)
				.blockOptional()
				.orElse(List.of());
			if (assistants.isEmpty()) {
				logger.info("There are no assistants yet on " + client + ".");
				return;
			}
			logger.info("Assistants on " + client + " (the first " + FIRST_ASSISTANTS + " at most):");
			assistants.forEach((assistant) -> logger.info(
					"  " + assistant.id() + "  " + assistant.name() + "  (" + assistant.model() + ")"));
		};
	}

}
