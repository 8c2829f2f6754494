import { plainToInstance } from 'class-transformer';
import { type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/**
 * Validates a plain object against a request DTO with the same rules as the HTTP pipe (unknown fields
 * refused), so a CSV row is held to exactly what the JSON API accepts. Returns the instance or the
 * messages, each naming its field path.
 */
export function validateAs<T extends object>(type: ClassConstructor<T>, plain: Record<string, unknown>): { value: T } | { errors: string[] } {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0 ? { value: instance } : { errors: errors.flatMap((error) => messagesOf(error, '')) };
}

function messagesOf(error: ValidationError, prefix: string): string[] {
  const path = `${prefix}${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? `${prefix}${message}` : `${path}: ${message}`));
  return [...own, ...(error.children ?? []).flatMap((child) => messagesOf(child, `${path}.`))];
}
