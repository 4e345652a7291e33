package dev.assistants4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A runnable application using the auto-configured {@link dev.assistants4j.client.AssistantsClient}. With
 * {@code OPENAI_ASSISTANTS_TOKEN} set it talks to the server of {@code OPENAI_ASSISTANTS_BASE_URL} (OpenAI by
 * default); without it, to an embedded emulator (see {@link EmulatorByDefaultEnvironmentPostProcessor}), so
 * that it runs offline.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Runs the application.
	 * @param args the command-line arguments, such as {@code --openai.assistants.token=...}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
