package dev.assistants4j.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.Assert;

import dev.assistants4j.tool.AssistantFunction;
import dev.assistants4j.tool.AssistantFunctions;
import dev.assistants4j.tool.ToolCallHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the function
 * calling of an application that defines {@link AssistantFunction} beans: an {@link AssistantFunctions} bean,
 * which is the {@link ToolCallHandler} dispatching each call by name and lists the functions' tool definitions.
 * It backs off when the application defines a {@code ToolCallHandler} of its own. Two functions of the same
 * name fail start-up, naming both beans. It does not depend on the client bean, so it serves a client the
 * application builds itself too.
 */
@AutoConfiguration
@ConditionalOnBean(AssistantFunction.class)
public final class AssistantFunctionsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ToolCallHandler.class)
	AssistantFunctions assistantFunctions(Map<String, AssistantFunction> functionsByBeanName) {
		Map<String, String> beanNameByFunction = new HashMap<>();
		functionsByBeanName.forEach((beanName, function) -> {
			String other = beanNameByFunction.putIfAbsent(function.name(), beanName);
			Assert.state(other == null, () -> "The AssistantFunction beans '" + other + "' and '" + beanName
					+ "' are both named '" + function.name() + "'; function names must be unique, rename one");
		});
		return new AssistantFunctions(functionsByBeanName.values());
	}

}
