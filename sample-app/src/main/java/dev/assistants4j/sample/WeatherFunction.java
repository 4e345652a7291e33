package dev.assistants4j.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.tool.AssistantFunction;
import dev.assistants4j.tool.FunctionCall;

/**
 * The weather assistant's function, {@code get_weather}: canned weather for a city, so that the demo needs no
 * weather service. As a bean, it is served by the auto-configured
 * {@link dev.assistants4j.tool.AssistantFunctions}.
 */
@Component
class WeatherFunction implements AssistantFunction {

	private static final JsonMapper MAPPER = AssistantsJson.newMapper();

	private static final Map<String, Weather> WEATHER = Map.of("paris", new Weather(18, "partly cloudy"),
			"london", new Weather(14, "light rain"), "san francisco", new Weather(16, "foggy"));

	private static final Weather ELSEWHERE = new Weather(21, "sunny");

	@Override
	public String name() {
		return "get_weather";
	}

	@Override
	public String description() {
		return "Gets the current weather in a city.";
	}

	@Override
	public Map<String, Object> parameters() {
		return Map.of("type", "object", "properties",
				Map.of("location", Map.of("type", "string", "description", "The city, such as Paris")), "required",
				List.of("location"));
	}

	@Override
	public Mono<String> invoke(FunctionCall call) {
		return Mono.fromCallable(() -> {
			String location = String.valueOf(call.argumentsAsMap().getOrDefault("location", ""));
			Weather weather = WEATHER.getOrDefault(location.strip().toLowerCase(Locale.ROOT), ELSEWHERE);
			Map<String, Object> output = new LinkedHashMap<>();
			output.put("location", location);
			output.put("temperature_celsius", weather.temperatureCelsius());
			output.put("conditions", weather.conditions());
			return MAPPER.writeValueAsString(output);
		});
	}

	private record Weather(int temperatureCelsius, String conditions) {
	}

}
