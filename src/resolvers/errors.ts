import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';

/** A bad argument: a `BAD_USER_INPUT` error that names the argument. */
export function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
}
