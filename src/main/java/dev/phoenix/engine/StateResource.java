package dev.phoenix.engine;

/**
 * One resource instance in the state.
 *
 * @param address full address, e.g. {@code module.app.aws_ecs_service.web}
 * @param tainted whether a failed create left it marked for replacement
 */
public record StateResource(String address, boolean tainted) {}
