import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { NestPinoLogger } from '@soc/shared';
import { AppModule, AppOptions } from './app.module';
import { installBodyParsers } from './body-parsers';
import { serveConsole } from './console';
import { SocErrorFilter } from './soc-error.filter';

/** Builds the configured app without listening; `main` and the e2e tests share it. */
export async function createSocApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new NestPinoLogger(options.logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(helmet());
  // CORS stays off unless origins are configured: the console is served by this server itself.
  if (options.config.corsOrigins.length > 0) app.enableCors({ origin: options.config.corsOrigins, credentials: false });
  installBodyParsers(app, options.config.ingest.maxBodyBytes);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new SocErrorFilter());
  serveConsole(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SOC tỉnh — API (Provincial SOC)')
      .setDescription('Tiếp nhận sự kiện, cảnh báo, sự cố — ingest, alerts and incidents of the provincial security operations center')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from /api/v1/auth/login, or a log source API key on /api/v1/ingest' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
