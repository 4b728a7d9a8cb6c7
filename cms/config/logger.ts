import { winston, formats } from '@strapi/logger';

const { prettyPrint, levelFilter } = formats;
const level = process.env.LOG_LEVEL ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: winston.format.combine(
        levelFilter(level),
        prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })
      ),
    }),
  ],
};
