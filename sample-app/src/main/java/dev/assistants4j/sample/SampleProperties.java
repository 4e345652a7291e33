package dev.assistants4j.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the sample application.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/** Model of the assistants the demos and the chat page create; the emulator accepts any. */
	private String model = "gpt-4o";

	/** Demos to run at start-up, in order: math-tutor, weather; empty for none. */
	private List<String> demos = new ArrayList<>(List.of("math-tutor", "weather"));

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public List<String> getDemos() {
		return this.demos;
	}

	public void setDemos(List<String> demos) {
		this.demos = demos;
	}

}
