package dev.assistants4j.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.tool.FunctionDefinition;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssistantFunctionsTests {

	private static final Map<String, Object> CITY = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string")), "required", List.of("city"));

	private final AssistantFunction weather = AssistantFunction.of("get_weather", "Current weather of a city", CITY,
			(call) -> Mono.just("21 degrees in " + call.argumentsAsMap().get("city")));

	private final AssistantFunction time = AssistantFunction.of("get_time", "Current time", Map.of("type", "object"),
			(call) -> Mono.just("12:00"));

	@Test
	void toolsAreTheFunctionDefinitionsInOrder() {
		assertThat(AssistantFunctions.of(this.weather, this.time).tools()).containsExactly(
				new FunctionTool(new FunctionDefinition("get_weather", "Current weather of a city", CITY, null)),
				new FunctionTool(new FunctionDefinition("get_time", "Current time", Map.of("type", "object"), null)));
	}

	@Test
	void toolsWriteAsTheApiExpectsThem() {
		JsonMapper mapper = AssistantsJson.newMapper();
		AssistantFunction noArguments = AssistantFunction.of("ping", "Checks the service",
				Map.of("type", "object", "properties", Map.of()), (call) -> Mono.just("pong"));
		// As trees: the order of Map.of is not fixed.
		assertThat(mapper.readTree(mapper.writeValueAsString(noArguments.toTool()))).isEqualTo(mapper.readTree("""
				{"type":"function","function":{"name":"ping","description":"Checks the service",
				 "parameters":{"type":"object","properties":{}}}}"""));
	}

	@Test
	void handleDispatchesToTheFunctionTheCallNames() {
		AssistantFunctions functions = AssistantFunctions.of(this.weather, this.time);
		StepVerifier.create(functions.handle(new FunctionCall("call_1", "get_weather", "{\"city\":\"Paris\"}")))
			.expectNext("21 degrees in Paris")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(functions.handle(new FunctionCall("call_2", "get_time", "")))
			.expectNext("12:00")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void callOfAnUnknownFunctionFailsNamingTheKnownOnes() {
		StepVerifier.create(AssistantFunctions.of(this.weather, this.time)
			.handle(new FunctionCall("call_1", "get_news", "{}")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("There is no function named 'get_news'; the functions are [get_weather, get_time]"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void twoFunctionsOfTheSameNameAreRejected() {
		AssistantFunction other = AssistantFunction.of("get_weather", "Weather again", CITY, (call) -> Mono.empty());
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantFunctions.of(this.weather, other))
			.withMessage("Two functions are named 'get_weather': AssistantFunction[get_weather] and "
					+ "AssistantFunction[get_weather]; function names must be unique");
	}

	@Test
	void functionOfABlankNameIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssistantFunction.of(" ", "d", CITY, (call) -> Mono.empty()))
			.withMessage("'name' must not be blank");
		AssistantFunction blank = new AssistantFunction() {

			@Override
			public String name() {
				return "";
			}

			@Override
			public String description() {
				return "";
			}

			@Override
			public Map<String, Object> parameters() {
				return Map.of();
			}

			@Override
			public Mono<String> invoke(FunctionCall call) {
				return Mono.empty();
			}

			@Override
			public String toString() {
				return "blank";
			}

		};
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantFunctions.of(blank))
			.withMessage("The name of function blank must not be blank");
	}

	@Test
	void ofKeepsItsOwnCopyOfTheParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>(CITY);
		AssistantFunction function = AssistantFunction.of("f", "d", parameters, (call) -> Mono.empty());
		parameters.clear();
		assertThat(function.parameters()).isEqualTo(CITY);
		assertThat(function.toTool()).isEqualTo(Tool.function("f", "d", CITY));
	}

}
